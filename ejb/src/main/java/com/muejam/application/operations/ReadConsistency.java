package com.muejam.application.operations;

import java.util.Optional;

/**
 * The current request's read-your-writes guarantee, as the web layer hands it over: the client's consistency
 * token (an opaque text, a database commit position) it sent back, the signed-in user, and the token to hand back
 * to the client. Reads are then served only by a database that has applied the writes they must see. Implemented
 * by the infrastructure's routing, per request.
 */
public interface ReadConsistency {

    /** The request is the signed-in user's: that user's recent commits, from any node or device, must be visible. */
    void forUser(long userId);

    /** The client's token: its earlier writes must be visible. A missing, blank or malformed token is ignored. */
    void requireToken(String token);

    /** The token to hand back to the client, if the request must pass one on (it wrote, or it carried one). */
    Optional<String> token();
}

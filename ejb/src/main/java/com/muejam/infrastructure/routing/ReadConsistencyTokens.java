package com.muejam.infrastructure.routing;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.application.operations.ReadConsistency;

/**
 * The application's {@link ReadConsistency} over the current request's {@link ReadYourWrites}: the token is the
 * PostgreSQL WAL position in the server's text form ({@code 0/3000148}, {@link Lsn}).
 */
@ApplicationScoped
public class ReadConsistencyTokens implements ReadConsistency {

    @Inject
    ReadYourWrites readYourWrites;

    @Override
    public void forUser(long userId) {
        readYourWrites.forUser(userId);
    }

    @Override
    public void requireToken(String token) {
        long lsn = Lsn.parseOrNone(token);
        if (lsn != Lsn.NONE) {
            readYourWrites.require(lsn);
        }
    }

    @Override
    public Optional<String> token() {
        long token = readYourWrites.token();
        return token == Lsn.NONE ? Optional.empty() : Optional.of(Lsn.format(token));
    }
}

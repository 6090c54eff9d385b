/**
 * Read-your-writes over HTTP: the {@code MueJam-Consistency} response header carries the commit position of
 * the client's writes; sent back, it keeps the client's reads off replicas that have not replayed it yet.
 */
package com.muejam.interfaces.rest.consistency;

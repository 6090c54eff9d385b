/**
 * How request bodies are bound: the application's JSON-B configuration. Its one rule beyond the defaults is
 * strictness about JSON types, so that a client's wrong type is a 400 rather than a silently converted value.
 */
package com.muejam.interfaces.rest.json;

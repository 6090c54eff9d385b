/**
 * Bearer-session authentication for the REST API: {@link com.muejam.interfaces.rest.auth.AuthenticationFilter}
 * resolves {@code Authorization: Bearer <token>} into the request's
 * {@link com.muejam.interfaces.rest.auth.CurrentUser}; resources ask {@code CurrentUser} for the caller's id
 * ({@code 401} when there is none) or role ({@code 403}). Sign-up and sign-in live in
 * {@link com.muejam.interfaces.rest.auth.AuthResource}.
 */
package com.muejam.interfaces.rest.auth;

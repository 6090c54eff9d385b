/**
 * Bearer-session authentication for the REST API: {@link com.muejam.interfaces.rest.auth.AuthenticationFilter}
 * resolves {@code Authorization: Bearer <token>} into the request's
 * {@link com.muejam.interfaces.rest.auth.CurrentUser}; resources ask {@code CurrentUser} for the caller's id
 * ({@code 401} when there is none) or role ({@code 403}). Sign-up, sign-in and sign-out live in
 * {@link com.muejam.interfaces.rest.auth.AuthResource}. Write endpoints marked
 * {@link com.muejam.interfaces.rest.auth.WriteRateLimited} are counted by
 * {@link com.muejam.interfaces.rest.auth.WriteRateLimitFilter}; the caller's address (trusted proxies aware) comes
 * from {@link com.muejam.interfaces.rest.auth.ClientAddress}.
 */
package com.muejam.interfaces.rest.auth;

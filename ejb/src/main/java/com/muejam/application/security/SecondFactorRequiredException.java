package com.muejam.application.security;

/**
 * The password was right but the account has two-factor authentication and the sign-in carried no valid second
 * factor ({@code totp} or {@code backupCode}). A subclass of {@link AuthenticationFailedException}, so a transaction
 * that records the attempt still commits; the REST layer answers 401 with a problem type of its own, so clients can
 * ask for the code instead of the password.
 */
public class SecondFactorRequiredException extends AuthenticationFailedException {

    private static final long serialVersionUID = 1L;

    private final boolean supplied;

    public SecondFactorRequiredException(String message, boolean supplied) {
        super(message);
        this.supplied = supplied;
    }

    /** False: none was given; true: the one given was wrong, already used or replayed. */
    public boolean supplied() {
        return supplied;
    }
}

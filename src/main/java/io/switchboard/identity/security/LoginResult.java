package io.switchboard.identity.security;

/**
 * What {@code POST /crm/auth/login} answers: the tokens ({@link SignInResponse}), or, for a user with 2FA on,
 * only a challenge for the second step ({@link TwoFactorChallenge}).
 */
public sealed interface LoginResult permits SignInResponse, TwoFactorChallenge {}

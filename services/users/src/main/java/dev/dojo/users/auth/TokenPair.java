package dev.dojo.users.auth;

/** What a successful sign-in yields. */
record TokenPair(String accessToken, String refreshToken) {

    @Override
    public String toString() {
        return "TokenPair[…]";
    }
}

package dev.larder.cli;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the CLI remembers between runs: the server, the current index, and the token of the logged-in user. Never
 * a password.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Config(String url, String index, String user, String token, String tokenId) {

    static final Config EMPTY = new Config(null, null, null, null, null);

    Config withServer(String newUrl, String newIndex) {
        return new Config(newUrl, newIndex, user, token, tokenId);
    }

    Config withLogin(String newUser, String newToken, String newTokenId) {
        return new Config(url, index, newUser, newToken, newTokenId);
    }
}

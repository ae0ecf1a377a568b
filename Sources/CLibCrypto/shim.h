// OpenSSL's libcrypto (Debian libssl-dev, pkg-config libcrypto): SHA-256 of the build cache's
// content hashes (Foundation on Linux has none).
#include <openssl/evp.h>

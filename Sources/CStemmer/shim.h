// Snowball's stemmers (Debian libstemmer-dev, no pkg-config file): the search index stems French
// words with the "french" algorithm, as its authors wrote it.
#include <libstemmer.h>

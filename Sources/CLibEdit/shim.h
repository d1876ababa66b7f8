// libedit's native API (histedit.h), found through pkg-config (libedit-dev).
#include <stdio.h>
#include <histedit.h>

# env("NAME") reads the environment; env("NAME", default) falls back when it is unset.
print env("FLEX_TEST_SURELY_UNSET_VARIABLE", "fallback")
expect len(env("PATH")) > 0
expect env("PATH", "unused") == env("PATH")
# expect: fallback

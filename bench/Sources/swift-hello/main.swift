// The floor of flex-bench section (g): the smallest Swift program, built as make bench builds every
// program (release, standard library linked statically), so its start-up is what any Swift program
// pays. flex goes one step further in release, a static executable (docs/performance.md (g)).
print("hello")

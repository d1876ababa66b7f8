// The floor of flex-bench section (g): the smallest Swift program, built like flex (release,
// standard library linked statically), so its start-up is what any Swift program pays.
print("hello")

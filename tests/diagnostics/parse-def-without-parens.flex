# def NAME(PARAMS) { … }
def greet { return "hi" }

let if = 2

clock advance

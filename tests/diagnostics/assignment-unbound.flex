# assignment updates an existing binding
count = 1

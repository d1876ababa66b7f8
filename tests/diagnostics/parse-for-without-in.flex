# for NAME in LIST { … }
for item [1, 2] { print item }

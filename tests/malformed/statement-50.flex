"a" matches

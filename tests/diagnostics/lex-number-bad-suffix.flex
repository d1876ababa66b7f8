# a number followed by letters is not a duration
clock advance 5q

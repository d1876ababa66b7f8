# durations are written 30s 15m 2h 7d
clock advance "2h"

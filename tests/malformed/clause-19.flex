clock set

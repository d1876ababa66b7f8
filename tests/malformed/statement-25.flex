wait until true every

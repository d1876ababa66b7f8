print 1
}

sim snapshot

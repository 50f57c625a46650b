package feed

// SizeBound is sizeBound, for the tests of package feed_test.
var SizeBound = sizeBound

package acl

// SetLogRange makes c read logs in windows of n blocks, so a test can
// check on a short chain that a query split over several eth_getLogs
// returns what one does.
func SetLogRange(c *Client, n uint64) { c.logRange = n }

package acl

// More accessors of a followed (or indexed) Event as the typed values the
// queries return: what a home's event index (node/chainindex) answers the
// same queries from.

// CIDAdded returns the event as a CIDAdded.
func (e Event) CIDAdded() (CIDAdded, bool) { return typed(e, cidAddedOf) }

// DatasetCreated returns the event as a DatasetCreated.
func (e Event) DatasetCreated() (DatasetCreated, bool) { return typed(e, datasetCreatedOf) }

// Refunded returns the event as a Refunded.
func (e Event) Refunded() (Refunded, bool) { return typed(e, refundedOf) }

// Offered returns the event as an Offered.
func (e Event) Offered() (Offered, bool) { return typed(e, offeredOf) }

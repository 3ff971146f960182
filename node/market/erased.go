package market

// ErasedAt is the block of dataset's Erased event when the index holds it
// (the dataset's offer history keeps it): a refusal to read an erased
// dataset says when, without a scan of the chain for that event.
func (ix *Index) ErasedAt(dataset uint64) (block uint64, ok bool, err error) {
	v, has, err := ix.st.Get(cat(pfxHistory, u64(dataset)))
	if err != nil || !has {
		return 0, false, err
	}
	h, err := decodeHistory(v)
	if err != nil {
		return 0, false, err
	}
	for i := len(h) - 1; i >= 0; i-- {
		if h[i].kind == entryErased {
			return h[i].block, true, nil
		}
	}
	return 0, false, nil
}

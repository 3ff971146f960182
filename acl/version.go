package acl

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
)

// InterfaceVersion is the Registry interface this client speaks
// (contracts/spec/registry-v4.md). A Registry of another version has other
// selectors for the same names (an offer per terms hash against one per
// dataset), so a client bound to it would fail call by call; New refuses it
// at once instead.
const InterfaceVersion = 4

// ErrInterfaceVersion: the Registry at the configured address speaks
// another interface version than this client.
var ErrInterfaceVersion = errors.New("acl: the Registry speaks another interface version")

// checkVersion asks the Registry its interfaceVersion(). Registries before
// version 4 have no such function: the call reverts, and one further probe
// (visibilityOf, added in version 3, reverts with UnknownDataset(0) there)
// tells version 3 from older ones, so the message names what is deployed.
func checkVersion(ctx context.Context, c *Client) error {
	out, err := c.backend.CallContract(ctx, ethereum.CallMsg{To: &c.address, Data: c.reg.PackInterfaceVersion()}, nil)
	if err == nil {
		v, uerr := c.reg.UnpackInterfaceVersion(out)
		if uerr != nil || !v.IsUint64() {
			return versionError(c.address, "an unknown interface version")
		}
		if v.Uint64() == InterfaceVersion {
			return nil
		}
		return versionError(c.address, fmt.Sprintf("interface version %d", v.Uint64()))
	}
	if _, ok := revertData(err); !ok && ctx.Err() == nil && !isRevert(err) {
		return fmt.Errorf("acl: asking the Registry its interface version: %w", err)
	}
	_, err = c.backend.CallContract(ctx, ethereum.CallMsg{To: &c.address, Data: c.reg.PackVisibilityOf(0)}, nil)
	unknown := c.abi.Errors["UnknownDataset"].ID
	if data, ok := revertData(err); ok && len(data) >= 4 && string(data[:4]) == string(unknown[:4]) {
		return versionError(c.address, "interface version 3")
	}
	return versionError(c.address, "an interface version before 3")
}

func versionError(addr common.Address, what string) error {
	return fmt.Errorf("%w: this network's Registry (%s) is %s; this pdx speaks %d: redeploy with `pdx contracts deploy` or use a pdx that matches",
		ErrInterfaceVersion, addr.Hex(), what, InterfaceVersion)
}

// isRevert reports a call that reverted without revert data (a selector
// the contract does not have).
func isRevert(err error) bool {
	return strings.Contains(err.Error(), "execution reverted")
}

// InterfaceVersion reads the Registry's interfaceVersion().
func (c *Client) InterfaceVersion(ctx context.Context) (uint64, error) {
	out, err := c.call(ctx, c.reg.PackInterfaceVersion())
	if err != nil {
		return 0, err
	}
	v, err := c.reg.UnpackInterfaceVersion(out)
	if err != nil || !v.IsUint64() {
		return 0, fmt.Errorf("acl: decoding interfaceVersion: %v", err)
	}
	return v.Uint64(), nil
}

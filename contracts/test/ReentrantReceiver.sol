// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title Test-only: a buyer that tries to re-enter the Registry's payout.
/// @notice pdx's tests deploy it to show that a malicious receiver cannot be
/// paid twice: it buys, refunds, then withdraws, and from its receive hook it
/// calls withdraw (and refund) again. It is never deployed outside tests.
interface IRegistry {
    function buy(uint64 dataset, bytes32 termsHash, uint64 duration) external payable;
    function refund(uint64 dataset) external;
    function withdraw() external;
}

contract ReentrantReceiver {
    IRegistry public immutable registry;
    uint64 public dataset;
    /// How many re-entry attempts the receive hook made.
    uint256 public attempts;
    /// How many of them the Registry refused.
    uint256 public refused;
    /// The revert data of the refused re-entries into withdraw and refund.
    bytes public withdrawRevert;
    bytes public refundRevert;
    /// Total wei received.
    uint256 public received;

    constructor(IRegistry registry_) {
        registry = registry_;
    }

    function buy(uint64 dataset_, bytes32 termsHash, uint64 duration) external payable {
        dataset = dataset_;
        registry.buy{value: msg.value}(dataset_, termsHash, duration);
    }

    function refund() external {
        registry.refund(dataset);
    }

    function withdraw() external {
        registry.withdraw();
    }

    receive() external payable {
        received += msg.value;
        if (attempts > 0) return;
        attempts = 1;
        try registry.withdraw() {}
        catch (bytes memory reason) {
            refused++;
            withdrawRevert = reason;
        }
        attempts = 2;
        try registry.refund(dataset) {}
        catch (bytes memory reason) {
            refused++;
            refundRevert = reason;
        }
    }
}

// SPDX-License-Identifier: MIT
pragma solidity 0.8.20;

contract Ledger {
    mapping(address => uint256) public balanceOf;

    function burn(uint256 amount) external {
        unchecked {
            balanceOf[msg.sender] -= amount;
        }
    }

    function packed(uint256 amount) external pure returns (uint64) {
        return uint64(amount);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity 0.8.20;

contract Ledger {
    mapping(address => uint256) public balanceOf;

    function burn(uint256 amount) external {
        require(balanceOf[msg.sender] >= amount, "insufficient");
        unchecked {
            balanceOf[msg.sender] -= amount;
        }
    }

    function sum(uint256[] calldata values) external pure returns (uint256 total) {
        for (uint256 i = 0; i < values.length; i++) {
            total += values[i];
        }
    }
}

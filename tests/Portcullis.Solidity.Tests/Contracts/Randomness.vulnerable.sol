// SPDX-License-Identifier: MIT
pragma solidity 0.8.20;

contract Lottery {
    uint256 public deadline = block.timestamp + 1 days;

    function draw(uint256 players) external view returns (uint256) {
        require(block.timestamp >= deadline, "open");
        return uint256(keccak256(abi.encodePacked(block.prevrandao, block.timestamp))) % players;
    }
}

// SPDX-License-Identifier: MIT
pragma solidity 0.8.20;

interface IReceiver {
    function onPayout(uint256 amount) external;
}

contract Rewards {
    mapping(address => uint256) private rewards;

    function claim(address receiver) external {
        IReceiver(receiver).onPayout(100);
        rewards[msg.sender] = 0;
    }

    function transferRewards(address to) external {
        uint256 amount = rewards[msg.sender];
        rewards[msg.sender] = 0;
        rewards[to] += amount;
    }
}

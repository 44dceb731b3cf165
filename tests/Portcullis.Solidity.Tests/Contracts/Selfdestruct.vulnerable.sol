// SPDX-License-Identifier: MIT
pragma solidity 0.8.20;

contract Killable {
    address public owner;

    constructor() {
        owner = msg.sender;
    }

    function close() external {
        selfdestruct(payable(msg.sender));
    }

    function sweep(address payable to) external {
        to.transfer(address(this).balance);
    }
}

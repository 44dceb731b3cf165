// SPDX-License-Identifier: MIT
pragma solidity 0.8.20;

contract Killable {
    address public owner;

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }

    function close() external onlyOwner {
        selfdestruct(payable(msg.sender));
    }

    function sweep(address payable to) external onlyOwner {
        to.transfer(address(this).balance);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity 0.8.20;

contract Proxy {
    address public owner = msg.sender;
    address public implementation;

    modifier onlyOwner() {
        require(msg.sender == owner, "owner");
        _;
    }

    function upgrade(address next) external onlyOwner {
        implementation = next;
    }

    function execute(bytes calldata data) external returns (bytes memory) {
        (bool success, bytes memory result) = implementation.delegatecall(data);
        require(success, "failed");
        return result;
    }
}

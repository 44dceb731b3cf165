// SPDX-License-Identifier: MIT
pragma solidity 0.8.20;

contract Proxy {
    address public owner = msg.sender;

    function execute(address implementation, bytes calldata data) external returns (bytes memory) {
        (bool success, bytes memory result) = implementation.delegatecall(data);
        require(success, "failed");
        return result;
    }
}

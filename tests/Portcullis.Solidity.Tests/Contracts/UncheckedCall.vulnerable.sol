// SPDX-License-Identifier: MIT
pragma solidity 0.8.20;

contract Payer {
    address public owner = msg.sender;

    function pay(address payable to, uint256 amount) external {
        require(msg.sender == owner, "owner");
        to.call{value: amount}("");
    }

    function forward(address target, bytes calldata data) external {
        require(msg.sender == owner, "owner");
        (bool ok, ) = target.call(data);
    }
}

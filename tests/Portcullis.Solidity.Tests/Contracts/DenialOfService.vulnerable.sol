// SPDX-License-Identifier: MIT
pragma solidity 0.8.20;

contract Payroll {
    address payable[] public payees;

    function join() external {
        payees.push(payable(msg.sender));
    }

    function payAll() external {
        for (uint256 i = 0; i < payees.length; i++) {
            payees[i].transfer(1 ether);
        }
    }
}

// SPDX-License-Identifier: MIT
pragma solidity 0.8.20;

contract Vouchers {
    address public signer;
    mapping(bytes32 => bool) public redeemed;
    mapping(address => uint256) public credit;

    constructor(address s) {
        signer = s;
    }

    function redeem(uint256 amount, bytes calldata signature) external {
        bytes32 id = keccak256(signature);
        require(!redeemed[id], "redeemed");
        (bytes32 r, bytes32 s, uint8 v) = abi.decode(signature, (bytes32, bytes32, uint8));
        bytes32 digest = keccak256(abi.encodePacked(address(this), msg.sender, amount));
        require(ecrecover(digest, v, r, s) == signer, "bad signature");
        redeemed[id] = true;
        credit[msg.sender] += amount;
    }
}

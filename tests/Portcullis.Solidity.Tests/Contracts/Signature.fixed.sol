// SPDX-License-Identifier: MIT
pragma solidity 0.8.20;

contract Claims {
    address public signer;
    mapping(address => uint256) public credit;
    mapping(address => uint256) public nonces;

    constructor(address s) {
        signer = s;
    }

    function claim(uint256 amount, uint8 v, bytes32 r, bytes32 s) external {
        require(uint256(s) <= 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0, "malleable");
        bytes32 digest = keccak256(abi.encodePacked(address(this), block.chainid, msg.sender, amount, nonces[msg.sender]));
        nonces[msg.sender]++;
        require(ecrecover(digest, v, r, s) == signer, "bad signature");
        credit[msg.sender] += amount;
    }
}

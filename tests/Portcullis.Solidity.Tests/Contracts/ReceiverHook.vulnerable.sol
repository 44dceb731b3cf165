// SPDX-License-Identifier: MIT
pragma solidity 0.8.20;

interface IERC721 {
    function safeTransferFrom(address from, address to, uint256 id) external;
}

contract Sale {
    IERC721 public nft;
    mapping(address => bool) public claimed;

    constructor(IERC721 token) {
        nft = token;
    }

    function claimFree(uint256 id) external {
        require(!claimed[msg.sender], "claimed");
        nft.safeTransferFrom(address(this), msg.sender, id);
        claimed[msg.sender] = true;
    }
}

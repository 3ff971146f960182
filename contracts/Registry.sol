// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title pdx Registry
/// @notice The public record of pdx: which datasets exist and who owns them,
/// the fingerprints of their versions (CIDs), who may read them until when and
/// for what purpose, the keys and proxies needed to carry a grant out, and the
/// escrowed market in which brands pay owners for access.
///
/// Cost per operation is the design constraint. Every hot record is one packed
/// 256-bit storage slot (layout below, written out by hand because the packing
/// is the point); strings, CIDs, purposes and bundles live in events only,
/// where a byte costs 8 gas instead of 20,000 per 32 bytes.
///
/// Storage layout (see spec/registry-v4.md for the full description):
///   _datasets[id]       owner (bits 0-159) | versions uint32 (160-191) |
///                       flags uint8 (192-199: bit0 erased, bit1 public,
///                       bit2 withdrawn) | key prefix (200-207) |
///                       key epoch uint16 (208-223) | erased at uint32 (224-255)
///   _datasetKeyX[id]    x coordinate of the 33-byte delegating key
///   _pastKeys[id<<16|e] the delegating key of an earlier epoch e (prefix, x)
///   _cids[owner][keccak(cid)]
///                       dataset uint64 (0-63) | version uint32 (64-95) |
///                       key epoch uint16 (96-111) |
///                       first 18 bytes of the fingerprint (112-255)
///   _grants[gkey]       expiry uint64 (0-63) | threshold uint8 (64-71) |
///                       flags uint8 (72-79: bit0 live, bit1 bought) |
///                       dataset uint64 (96-159)
///   _offers[id][terms]  price uint128 (0-127) | duration uint64 (128-191):
///                       one open offer per (dataset, terms hash), so a
///                       dataset is offered field set by field set, each
///                       at its own price
///   _offerBuyer[id][terms]
///                       the only account that may buy that offer (zero:
///                       anyone)
///   _policies[id]       hash of a public dataset's policy document
///   _purchases[gkey]    amount uint128 (0-127) | deadline uint64 (128-191) |
///                       duration uint64 (192-255)
///   _vesting[gkey]      unvested amount uint128 (0-127) | vested until
///                       uint64 (128-191) | end uint64 (192-255)
///   gkey = dataset << 160 | grantee: a (dataset, account) pair fits one word,
///   so the grant and purchase of a pair need a single hash to locate.
contract Registry {
    // ---------------------------------------------------------------- errors

    /// The account already registered its keys; keys are registered once.
    error KeysAlreadyRegistered(address account);
    /// A public key is not 33 bytes with a 0x02/0x03 prefix.
    error InvalidKey();
    /// The dataset id was never created.
    error UnknownDataset(uint64 dataset);
    /// Only the dataset's owner may do this.
    error NotOwner(uint64 dataset, address caller);
    /// The dataset is erased: no new CIDs, grants, offers or purchases.
    error DatasetErased(uint64 dataset);
    /// A CID is empty or longer than 128 bytes.
    error InvalidCID();
    /// The CID is already registered (under this or another dataset).
    error CIDExists(bytes32 cidHash);
    /// The grantee is the zero address.
    error InvalidGrantee();
    /// A threshold must be at least 1.
    error InvalidThreshold();
    /// The expiry is not in the future.
    error InvalidExpiry(uint64 expiry);
    /// Grant terms carry bits above the threshold.
    error InvalidTerms(uint256 terms);
    /// There is no grant for this (dataset, grantee).
    error NoGrant(uint64 dataset, address grantee);
    /// An offer needs a non-zero duration and a price below 2^128.
    error InvalidOffer();
    /// The dataset has no open offer under these terms.
    error NoOffer(uint64 dataset, bytes32 termsHash);
    /// The payment does not equal the offer's price.
    error WrongPayment(uint256 expected, uint256 sent);
    /// The buyer already has a purchase in escrow for this dataset.
    error PurchasePending(uint64 dataset, address buyer);
    /// There is no purchase in escrow for this (dataset, buyer).
    error NoPurchase(uint64 dataset, address buyer);
    /// The refund deadline has not passed yet.
    error RefundTooEarly(uint64 deadline);
    /// Nothing to withdraw.
    error NothingToWithdraw(address account);
    /// The payout call failed; the balance is kept.
    error TransferFailed(address account, uint256 amount);
    /// A payout was re-entered.
    error Reentrancy();
    /// A proxy endpoint is not http(s) or too long, or an HPKE key is not
    /// 32 bytes.
    error InvalidProxy();
    /// An owner cannot buy its own dataset.
    error OwnDataset(uint64 dataset);
    /// The buyer holds a live grant of this dataset already.
    error AlreadyGranted(uint64 dataset, address buyer);
    /// The offer's duration changed since the buyer read it.
    error DurationChanged(uint64 expected, uint64 current);
    /// A bought grant that has not expired can only be re-bundled or revoked
    /// (replacing it with a plain grant would cut short what was paid for).
    error GrantIsBought(uint64 dataset, address grantee);
    /// The dataset has no key of that epoch.
    error UnknownEpoch(uint64 dataset, uint16 epoch);
    /// The lists passed to withdrawVested differ in length.
    error LengthMismatch();
    /// The open offer is made to another account only.
    error OfferIsPrivate(uint64 dataset, address buyer);
    /// A dataset is published under the hash of its policy document; zero
    /// names none.
    error InvalidPolicy();
    /// The dataset is not public, so there is nothing to unpublish.
    error NotPublic(uint64 dataset);

    // ---------------------------------------------------------------- events

    event KeysRegistered(address indexed account, bytes receivingKey, bytes verifyingKey);
    event DatasetCreated(uint64 indexed dataset, address indexed owner, bytes delegatingKey);
    /// The dataset's delegating key was replaced (epoch counts rotations):
    /// versions added from now on are encrypted under the new key; rewrap
    /// is the CID of the manifest that opens earlier versions with it.
    event KeyRotated(uint64 indexed dataset, uint16 epoch, bytes delegatingKey, bytes rewrap);
    event CIDAdded(uint64 indexed dataset, bytes32 indexed cidHash, uint32 version, bytes32 fingerprint, bytes cid);
    /// grant is the grant word: expiry (bits 0-63), threshold (64-71), flags
    /// (72-79: bit0 live, bit1 bought), dataset (96-159); the grant slot holds
    /// the same word. The dataset is indexed too (375 gas a grant), so an
    /// owner's listing of a dataset's grants asks for that dataset's alone
    /// instead of every grant of the network (see spec/registry-v4.md).
    /// bundle is the sha2-256 digest of the kfrag bundle, stored as a CIDv1
    /// raw block: its CID is 0x01 0x55 0x12 0x20 followed by these 32 bytes.
    event Granted(address indexed grantee, uint64 indexed dataset, uint256 grant, bytes32 purposeHash, bytes32 bundle);
    /// One per proxy the grant's kfrag bundle was sealed for, repeating the
    /// Granted event of the same transaction with the proxy as the first
    /// topic: a proxy reads only the grants that name it, so its catch-up
    /// and storage grow with its own share of the network. The owner names
    /// the proxies; a proxy still checks that the bundle holds a kfrag for it.
    event GrantedVia(address indexed proxy, address indexed grantee, uint256 grant, bytes32 purposeHash, bytes32 bundle);
    event Revoked(uint64 indexed dataset, address indexed grantee);
    event Erased(uint64 indexed dataset);
    event ProxyRegistered(address indexed proxy, string endpoint, bytes hpkeKey);
    /// buyer is the only account the offer is made to, zero for anyone;
    /// indexed so that a brand finds the offers made to it.
    event Offered(uint64 indexed dataset, address indexed buyer, uint256 price, uint64 duration, bytes32 termsHash);
    /// The dataset is public from this block under the policy document whose
    /// hash is policyHash (again after a withdrawal, or with a new policy).
    event Published(uint64 indexed dataset, bytes32 policyHash);
    /// The dataset was withdrawn from public view: its owner stopped
    /// serving it. Copies already taken are not recalled.
    event Unpublished(uint64 indexed dataset);
    /// The offer of the dataset under termsHash is closed; its other
    /// offers stay open.
    event OfferWithdrawn(uint64 indexed dataset, bytes32 termsHash);
    event Purchased(
        uint64 indexed dataset, address indexed buyer, uint256 amount, uint64 duration, uint64 deadline, bytes32 termsHash
    );
    /// Vested payment moved from a bought grant to the owner's balance.
    event Released(uint64 indexed dataset, address indexed buyer, address indexed owner, uint256 amount);
    event Refunded(uint64 indexed dataset, address indexed buyer, uint256 amount);
    event Withdrawn(address indexed account, uint256 amount);

    // ---------------------------------------------------------------- storage

    uint256 private constant ERASED = 1;
    uint256 private constant PUBLIC = 2;
    uint256 private constant WITHDRAWN = 4;
    uint256 private constant LIVE = 1;
    uint256 private constant BOUGHT = 2;
    uint256 private constant MAX_CID = 128;
    uint256 private constant MAX_ENDPOINT = 512;
    uint256 private constant HPKE_KEY = 32;
    /// The low 160 bits of a word: an address read from calldata in assembly.
    uint256 private constant ADDRESS_MASK = (1 << 160) - 1;

    /// How long a purchase waits for the owner's grant before the buyer may
    /// take a refund (seconds).
    uint64 public immutable grantWindow;

    uint64 private _lastDataset;
    uint256 private _lock = 1;

    mapping(uint64 => uint256) private _datasets;
    mapping(uint64 => bytes32) private _datasetKeyX;
    mapping(address => mapping(bytes32 => uint256)) private _cids;
    mapping(uint256 => uint256) private _grants;
    mapping(uint64 => mapping(bytes32 => uint256)) private _offers;
    mapping(uint64 => mapping(bytes32 => address)) private _offerBuyer;
    mapping(uint64 => bytes32) private _policies;
    mapping(uint256 => uint256) private _purchases;
    mapping(uint256 => uint256) private _vesting;
    mapping(address => uint256) private _balances;

    struct Keys {
        bytes32 receivingX;
        bytes32 verifyingX;
        bytes1 receivingPrefix;
        bytes1 verifyingPrefix;
    }

    mapping(address => Keys) private _keys;

    struct PastKey {
        bytes32 x;
        bytes1 prefix;
    }

    mapping(uint256 => PastKey) private _pastKeys;

    struct Proxy {
        string endpoint;
        bytes hpkeKey;
    }

    mapping(address => Proxy) private _proxies;
    address[] private _proxyList;

    constructor(uint64 grantWindow_) {
        grantWindow = grantWindow_;
    }

    // ---------------------------------------------------------------- keys

    /// @notice Registers the caller's Umbral receiving and verifying keys
    /// (33-byte compressed secp256k1 points), once.
    function registerKeys(bytes calldata receivingKey, bytes calldata verifyingKey) external {
        (bytes1 rp, bytes32 rx) = _splitKey(receivingKey);
        (bytes1 vp, bytes32 vx) = _splitKey(verifyingKey);
        Keys storage k = _keys[msg.sender];
        if (k.receivingPrefix != 0) revert KeysAlreadyRegistered(msg.sender);
        k.receivingX = rx;
        k.verifyingX = vx;
        k.receivingPrefix = rp;
        k.verifyingPrefix = vp;
        emit KeysRegistered(msg.sender, receivingKey, verifyingKey);
    }

    /// @notice The keys of an account; both empty when it registered none.
    function keysOf(address account) external view returns (bytes memory receivingKey, bytes memory verifyingKey) {
        Keys storage k = _keys[account];
        if (k.receivingPrefix == 0) return ("", "");
        return (abi.encodePacked(k.receivingPrefix, k.receivingX), abi.encodePacked(k.verifyingPrefix, k.verifyingX));
    }

    // ---------------------------------------------------------------- datasets

    /// @notice Creates a dataset owned by the caller under its delegating key.
    function createDataset(bytes calldata delegatingKey) external returns (uint64 dataset) {
        (bytes1 p, bytes32 x) = _splitKey(delegatingKey);
        dataset = ++_lastDataset;
        _datasets[dataset] = uint256(uint160(msg.sender)) | (uint256(uint8(p)) << 200);
        _datasetKeyX[dataset] = x;
        emit DatasetCreated(dataset, msg.sender, delegatingKey);
    }

    /// @notice Replaces a dataset's delegating key (owner only, not erased):
    /// versions added afterwards are under a key no earlier kfrag reaches.
    /// Grants stay; the owner re-bundles the live ones with kfrags for the
    /// new key. `rewrap` is the CID of the manifest that wraps every earlier
    /// version's file key under the new key (reencrypt/rewrap), so live
    /// grants keep reading old versions; empty when there are none. The
    /// replaced key stays readable through keyAt.
    function rotateKey(uint64 dataset, bytes calldata delegatingKey, bytes calldata rewrap) external {
        if (rewrap.length > MAX_CID) revert InvalidCID();
        uint256 d = _ownedLive(dataset);
        (bytes1 p, bytes32 x) = _splitKey(delegatingKey);
        uint256 old = (d >> 208) & 0xffff;
        uint256 epoch = old + 1;
        if (epoch > 0xffff) revert InvalidKey();
        PastKey storage pk = _pastKeys[(uint256(dataset) << 16) | old];
        pk.x = _datasetKeyX[dataset];
        pk.prefix = bytes1(uint8(d >> 200));
        _datasets[dataset] = (d & ~(uint256(0xffffff) << 200)) | (uint256(uint8(p)) << 200) | (epoch << 208);
        _datasetKeyX[dataset] = x;
        emit KeyRotated(dataset, uint16(epoch), delegatingKey, rewrap);
    }

    /// @notice A dataset's owner, number of versions, erased flag and key.
    function datasetInfo(uint64 dataset)
        external
        view
        returns (address owner, uint32 versions, bool erased, bytes memory delegatingKey)
    {
        uint256 d = _datasets[dataset];
        if (d == 0) revert UnknownDataset(dataset);
        owner = address(uint160(d));
        versions = uint32(d >> 160);
        erased = (d >> 192) & ERASED != 0;
        delegatingKey = abi.encodePacked(bytes1(uint8(d >> 200)), _datasetKeyX[dataset]);
    }

    /// @notice The delegating key of a dataset at a key epoch (0 is the key it
    /// was created with; each rotateKey adds one) and the current epoch.
    function keyAt(uint64 dataset, uint16 epoch) external view returns (bytes memory delegatingKey, uint16 current) {
        uint256 d = _datasets[dataset];
        if (d == 0) revert UnknownDataset(dataset);
        current = uint16(d >> 208);
        if (epoch > current) revert UnknownEpoch(dataset, epoch);
        if (epoch == current) {
            return (abi.encodePacked(bytes1(uint8(d >> 200)), _datasetKeyX[dataset]), current);
        }
        PastKey storage pk = _pastKeys[(uint256(dataset) << 16) | epoch];
        return (abi.encodePacked(pk.prefix, pk.x), current);
    }

    /// @notice The number of datasets created so far (ids are 1..n).
    function datasetCount() external view returns (uint64) {
        return _lastDataset;
    }

    /// @notice Makes a dataset public (owner only, not erased) under the
    /// policy document whose hash is `policyHash` (its licence and
    /// attribution; clients publish the document where its hash finds it).
    /// Versions added while it is public are readable by anyone; publishing
    /// again replaces the policy, and a withdrawn dataset may be published
    /// again (the owner's data, the owner's choice; the events keep every
    /// period). Earlier private versions stay private.
    function publish(uint64 dataset, bytes32 policyHash) external {
        uint256 d = _ownedLive(dataset);
        if (policyHash == 0) revert InvalidPolicy();
        _datasets[dataset] = (d & ~(WITHDRAWN << 192)) | (PUBLIC << 192);
        _policies[dataset] = policyHash;
        emit Published(dataset, policyHash);
    }

    /// @notice Withdraws a public dataset (owner only, erased or not): it is
    /// marked withdrawn, and versions added afterwards are private again.
    /// The chain cannot recall copies already taken; the policy hash stays,
    /// since those copies were taken under it.
    function unpublish(uint64 dataset) external {
        uint256 d = _owned(dataset);
        if ((d >> 192) & PUBLIC == 0) revert NotPublic(dataset);
        _datasets[dataset] = (d & ~(PUBLIC << 192)) | (WITHDRAWN << 192);
        emit Unpublished(dataset);
    }

    /// @notice A dataset's visibility: 0 private (never published), 1
    /// public, 2 withdrawn (published once, unpublished since); and the hash
    /// of the policy it was last published under (zero if never).
    function visibilityOf(uint64 dataset) external view returns (uint8 visibility, bytes32 policyHash) {
        uint256 d = _datasets[dataset];
        if (d == 0) revert UnknownDataset(dataset);
        uint256 f = d >> 192;
        if (f & PUBLIC != 0) visibility = 1;
        else if (f & WITHDRAWN != 0) visibility = 2;
        policyHash = _policies[dataset];
    }

    /// @notice Registers a CID (a new version) under a dataset with the
    /// fingerprint of its content, at the dataset's current key epoch.
    /// CIDs are registered per owner: a pdx envelope names its owner in its
    /// header, and readers look a CID up under that owner, so anyone else
    /// registering the same CID (front-running it from the mempool, say)
    /// only writes under their own name, where no reader looks.
    function addCID(uint64 dataset, bytes calldata cid, bytes32 fingerprint) external returns (uint32 version) {
        uint256 d = _ownedLive(dataset);
        if (cid.length == 0 || cid.length > MAX_CID) revert InvalidCID();
        bytes32 h = keccak256(cid);
        if (_cids[msg.sender][h] != 0) revert CIDExists(h);
        version = uint32(d >> 160) + 1; // reverts on overflow under checked arithmetic
        _datasets[dataset] = (d & ~(uint256(type(uint32).max) << 160)) | (uint256(version) << 160);
        _cids[msg.sender][h] = uint256(dataset) | (uint256(version) << 64) | (((d >> 208) & 0xffff) << 96)
            | (uint256(uint144(bytes18(fingerprint))) << 112);
        emit CIDAdded(dataset, h, version, fingerprint, cid);
    }

    /// @notice Looks up a CID an owner registered, by the keccak256 of its
    /// bytes: the dataset, its version, the key epoch it is encrypted under,
    /// and the first 18 bytes of its fingerprint (the full fingerprint is in
    /// the CIDAdded event). All zero when that owner registered no such CID.
    function cidInfo(address owner, bytes32 cidHash)
        external
        view
        returns (uint64 dataset, uint32 version, uint16 epoch, bytes18 fingerprintPrefix)
    {
        uint256 c = _cids[owner][cidHash];
        if (c == 0) return (0, 0, 0, bytes18(0));
        dataset = uint64(c);
        version = uint32(c >> 64);
        epoch = uint16(c >> 96);
        fingerprintPrefix = bytes18(uint144(c >> 112));
    }

    /// @notice Erases a dataset: every grant stops authorizing at once, and
    /// no CID, grant, offer or purchase is accepted for it afterwards. Its
    /// open offers (there may be many, one per terms hash) are not visited:
    /// buy and offerOf read the erased flag, so one write closes them all.
    /// Payments of bought grants stop vesting at this block: the unvested
    /// part of each grant named in `buyers` is returned to its buyer in this
    /// transaction, and that of any other bought grant (the same figure) when
    /// anyone calls settle for it.
    function erase(uint64 dataset, address[] calldata buyers) external {
        uint256 d = _ownedLive(dataset);
        _datasets[dataset] = d | (ERASED << 192) | (block.timestamp << 224);
        emit Erased(dataset);
        for (uint256 i = 0; i < buyers.length; i++) {
            _settle(dataset, buyers[i], address(uint160(d)), true);
        }
    }

    // ---------------------------------------------------------------- grants

    /// @notice Grants `grantee` access to `dataset` on `terms`: expiry in
    /// unix seconds (bits 0-63) and threshold (bits 64-71), all other bits
    /// zero. Granting again replaces the previous terms. `bundle` names the
    /// kfrag bundle (see Granted); `proxies` are the proxies it was sealed
    /// for, each told by a GrantedVia event.
    /// @dev The hottest write of the contract, kept under 50,000 gas per
    /// transaction on mainnet rules: expiry and threshold travel as one word,
    /// the checks are folded into one branch (the failure path then finds out
    /// which one failed), and the slot and event are written in assembly.
    function grant(
        uint64 dataset,
        address grantee,
        uint256 terms,
        bytes32 purposeHash,
        bytes32 bundle,
        address[] calldata proxies
    ) external {
        bytes32 topic = Granted.selector;
        bytes32 via = GrantedVia.selector;
        uint256 d;
        bool bad;
        assembly ("memory-safe") {
            mstore(0x00, dataset)
            mstore(0x20, _datasets.slot)
            d := sload(keccak256(0x00, 0x40))
            mstore(0x00, or(shl(160, dataset), grantee))
            mstore(0x20, _grants.slot)
            let slot := keccak256(0x00, 0x40)
            // Reading the old word first costs only a warm read: the write
            // below pays the slot's cold access either way.
            let old := sload(slot)
            // Not the owner (or no dataset), erased, no grantee, stray bits,
            // zero threshold, an expiry not in the future, or a bought grant
            // that has not expired yet.
            bad := or(
                or(
                    or(xor(and(d, 0xffffffffffffffffffffffffffffffffffffffff), caller()), and(shr(192, d), 1)),
                    and(and(shr(73, old), 1), gt(and(old, 0xffffffffffffffff), timestamp()))
                ),
                or(
                    or(iszero(grantee), shr(72, terms)),
                    or(iszero(and(shr(64, terms), 0xff)), iszero(gt(and(terms, 0xffffffffffffffff), timestamp())))
                )
            )
            if iszero(bad) {
                let w := or(or(terms, shl(72, 1)), shl(96, dataset))
                sstore(slot, w)
                let m := mload(0x40)
                mstore(m, w)
                mstore(add(m, 0x20), purposeHash)
                mstore(add(m, 0x40), bundle)
                log3(m, 0x60, topic, grantee, dataset)
                for { let i := 0 } lt(i, proxies.length) { i := add(i, 1) } {
                    log3(m, 0x60, via, and(calldataload(add(proxies.offset, shl(5, i))), ADDRESS_MASK), grantee)
                }
            }
        }
        if (bad) _grantRefused(dataset, d, grantee, terms);
    }

    /// @notice Grants a buyer the access it paid for: the expiry is now plus
    /// the purchased duration, and the escrowed payment starts vesting to the
    /// owner linearly over that duration (see settle and withdrawVested).
    function grantPurchase(
        uint64 dataset,
        address buyer,
        uint8 threshold,
        bytes32 purposeHash,
        bytes32 bundle,
        address[] calldata proxies
    ) external {
        uint256 d = _ownedLive(dataset);
        if (threshold == 0) revert InvalidThreshold();
        uint256 key = _pair(dataset, buyer);
        uint256 p = _purchases[key];
        if (p == 0) revert NoPurchase(dataset, buyer);
        delete _purchases[key];
        // An earlier bought grant of the pair has expired (buy refuses a
        // buyer with a live grant): what is left of it is the owner's.
        _settle(dataset, buyer, address(uint160(d)), false);
        uint64 expiry = uint64(block.timestamp) + uint64(p >> 192);
        _vesting[key] = uint128(p) | (block.timestamp << 128) | (uint256(expiry) << 192);
        _storeGrant(
            dataset, buyer, uint256(expiry) | (uint256(threshold) << 64) | ((LIVE | BOUGHT) << 72), purposeHash, bundle, proxies
        );
    }

    /// @notice Records a new kfrag bundle for a live grant without changing
    /// its terms (after a key rotation, or when the owner re-seals the same
    /// grant's kfrags): emits Granted with the stored grant word. The only
    /// way to refresh a bought grant before it expires.
    function rebundle(
        uint64 dataset,
        address grantee,
        bytes32 purposeHash,
        bytes32 bundle,
        address[] calldata proxies
    ) external {
        _ownedLive(dataset);
        uint256 g = _grants[_pair(dataset, grantee)];
        if (g == 0 || uint64(g) <= block.timestamp) revert NoGrant(dataset, grantee);
        emit Granted(grantee, dataset, g, purposeHash, bundle);
        for (uint256 i = 0; i < proxies.length; i++) {
            emit GrantedVia(proxies[i], grantee, g, purposeHash, bundle);
        }
    }

    /// @notice Revokes a grant; from the next block it no longer authorizes.
    /// A bought grant's payment stops vesting: the vested part goes to the
    /// owner's balance and the rest back to the buyer's, in this transaction.
    function revoke(uint64 dataset, address grantee) external {
        uint256 d = _owned(dataset);
        uint256 key = _pair(dataset, grantee);
        uint256 g = _grants[key];
        if (g == 0) revert NoGrant(dataset, grantee);
        delete _grants[key];
        emit Revoked(dataset, grantee);
        if ((g >> 72) & BOUGHT != 0) _settle(dataset, grantee, address(uint160(d)), true);
    }

    /// @notice Moves the vested part of a bought grant's payment to the
    /// owner's balance; once the grant has run out (or its dataset was
    /// erased) the unvested rest goes to the buyer's. Anyone may call it: it
    /// only ever pays each side what the terms give it.
    function settle(uint64 dataset, address buyer) external {
        uint256 d = _datasets[dataset];
        if (d == 0) revert UnknownDataset(dataset);
        _settle(dataset, buyer, address(uint160(d)), false);
    }

    /// @notice What a bought grant still holds: the payment not yet moved to
    /// either balance, the time up to which it was settled, and when it is
    /// fully vested. All zero when nothing is held.
    function vestingOf(uint64 dataset, address buyer) external view returns (uint256 amount, uint64 settledUntil, uint64 end) {
        uint256 v = _vesting[_pair(dataset, buyer)];
        return (uint128(v), uint64(v >> 128), uint64(v >> 192));
    }

    /// @notice The stored terms of a grant (all zero when there is none).
    function grantOf(uint64 dataset, address grantee)
        external
        view
        returns (uint64 expiry, uint8 threshold, bool bought)
    {
        uint256 g = _grants[_pair(dataset, grantee)];
        return (uint64(g), uint8(g >> 64), (g >> 72) & BOUGHT != 0);
    }

    /// @notice Whether `grantee` may have `dataset` re-encrypted now: a grant
    /// exists, has not expired, and the dataset is not erased. Proxies call
    /// this before every re-encryption.
    function isAuthorized(uint64 dataset, address grantee) external view returns (bool) {
        uint256 g = _grants[_pair(dataset, grantee)];
        if (g == 0 || uint64(g) <= block.timestamp) return false;
        return (_datasets[dataset] >> 192) & ERASED == 0;
    }

    // ---------------------------------------------------------------- proxies

    /// @notice Registers (or updates) the caller as a proxy reachable at
    /// `endpoint`, receiving kfrags sealed to `hpkeKey`. Anyone may register:
    /// the list is a directory owners discover proxies from, never a set
    /// they trust. What is cheap to check is checked here — an http(s)
    /// endpoint, a 32-byte X25519 key (bundle v1's suite) — and clients
    /// validate the rest where they use it.
    function registerProxy(string calldata endpoint, bytes calldata hpkeKey) external {
        bytes calldata e = bytes(endpoint);
        if (e.length > MAX_ENDPOINT || !(_hasPrefix(e, "http://") || _hasPrefix(e, "https://"))) revert InvalidProxy();
        if (hpkeKey.length != HPKE_KEY) revert InvalidProxy();
        Proxy storage p = _proxies[msg.sender];
        if (p.hpkeKey.length == 0) _proxyList.push(msg.sender);
        p.endpoint = endpoint;
        p.hpkeKey = hpkeKey;
        emit ProxyRegistered(msg.sender, endpoint, hpkeKey);
    }

    /// @notice A proxy's endpoint and HPKE key (empty when not registered).
    function proxyOf(address proxy) external view returns (string memory endpoint, bytes memory hpkeKey) {
        Proxy storage p = _proxies[proxy];
        return (p.endpoint, p.hpkeKey);
    }

    /// @notice The number of registered proxies.
    function proxyCount() external view returns (uint256) {
        return _proxyList.length;
    }

    /// @notice The i-th registered proxy's address.
    function proxyAt(uint256 i) external view returns (address) {
        return _proxyList[i];
    }

    // ---------------------------------------------------------------- market

    /// @notice The interface version of this Registry (spec/registry-v4.md):
    /// a client of another version refuses it with a clear message instead
    /// of failing on a selector it does not find.
    function interfaceVersion() external pure returns (uint256) {
        return 4;
    }

    /// @notice Offers access to a dataset for `price` wei for `duration`
    /// seconds under the terms whose hash is `termsHash`, to `buyer` only
    /// (a private offer) or, when it is zero, to anyone. A dataset holds one
    /// offer per terms hash, side by side (terms that name other fields are
    /// another offer with its own price); this opens the offer of
    /// `termsHash` or replaces it. Purchases already in escrow keep their
    /// terms.
    function offer(uint64 dataset, uint256 price, uint64 duration, bytes32 termsHash, address buyer) external {
        _ownedLive(dataset);
        if (duration == 0 || price > type(uint128).max) revert InvalidOffer();
        _offers[dataset][termsHash] = price | (uint256(duration) << 128);
        // Writing zero over zero costs a public offer ~2,200 gas, less than
        // a branch that reads the slot to skip it would save on a re-offer.
        _offerBuyer[dataset][termsHash] = buyer;
        emit Offered(dataset, buyer, price, duration, termsHash);
    }

    /// @notice Withdraws the offer of a dataset under `termsHash`; its other
    /// offers stay open.
    function withdrawOffer(uint64 dataset, bytes32 termsHash) external {
        _owned(dataset);
        if (_offers[dataset][termsHash] == 0) revert NoOffer(dataset, termsHash);
        delete _offers[dataset][termsHash];
        delete _offerBuyer[dataset][termsHash];
        emit OfferWithdrawn(dataset, termsHash);
    }

    /// @notice The open offer of a dataset under `termsHash` (duration 0 when
    /// there is none, or the dataset is erased) and the only account it is
    /// made to (zero: anyone).
    function offerOf(uint64 dataset, bytes32 termsHash)
        external
        view
        returns (uint256 price, uint64 duration, address buyer)
    {
        uint256 o = _offers[dataset][termsHash];
        if (o == 0 || (_datasets[dataset] >> 192) & ERASED != 0) return (0, 0, address(0));
        return (uint128(o), uint64(o >> 128), _offerBuyer[dataset][termsHash]);
    }

    /// @notice Buys the offer of a dataset under `termsHash`. The payment
    /// must equal its price; it is held in escrow until the owner grants
    /// (and is paid) or, after the grant window, the buyer takes a refund.
    /// The buyer pins all three terms it read — price (the payment), terms
    /// hash (which offer) and duration — so an owner who re-offers just
    /// before the buy cannot sell something else for the same money. An
    /// owner cannot buy its own dataset, and a buyer holding a live grant of
    /// it cannot pay again (purchases and grants are per (dataset, buyer),
    /// whichever offer they came from). A private offer is bought by the
    /// account it names only.
    function buy(uint64 dataset, bytes32 termsHash, uint64 duration) external payable {
        uint256 d = _datasets[dataset];
        if (d == 0) revert UnknownDataset(dataset);
        if ((d >> 192) & ERASED != 0) revert DatasetErased(dataset);
        if (address(uint160(d)) == msg.sender) revert OwnDataset(dataset);
        uint256 o = _offers[dataset][termsHash];
        if (o == 0) revert NoOffer(dataset, termsHash);
        address only = _offerBuyer[dataset][termsHash];
        if (only != address(0) && only != msg.sender) revert OfferIsPrivate(dataset, msg.sender);
        if (msg.value != uint128(o)) revert WrongPayment(uint128(o), msg.value);
        if (uint64(o >> 128) != duration) revert DurationChanged(duration, uint64(o >> 128));
        uint256 key = _pair(dataset, msg.sender);
        if (_purchases[key] != 0) revert PurchasePending(dataset, msg.sender);
        uint256 g = _grants[key];
        if (g != 0 && uint64(g) > block.timestamp) revert AlreadyGranted(dataset, msg.sender);
        uint64 deadline = uint64(block.timestamp) + grantWindow;
        _purchases[key] = msg.value | (uint256(deadline) << 128) | (uint256(duration) << 192);
        emit Purchased(dataset, msg.sender, msg.value, duration, deadline, termsHash);
    }

    /// @notice A purchase in escrow (all zero when there is none).
    function purchaseOf(uint64 dataset, address buyer)
        external
        view
        returns (uint256 amount, uint64 deadline, uint64 duration)
    {
        uint256 p = _purchases[_pair(dataset, buyer)];
        return (uint128(p), uint64(p >> 128), uint64(p >> 192));
    }

    /// @notice Returns an escrowed payment to the buyer's balance once the
    /// grant window passed without a grant (at once if the dataset was erased).
    function refund(uint64 dataset) external {
        uint256 key = _pair(dataset, msg.sender);
        uint256 p = _purchases[key];
        if (p == 0) revert NoPurchase(dataset, msg.sender);
        uint64 deadline = uint64(p >> 128);
        if (block.timestamp < deadline && (_datasets[dataset] >> 192) & ERASED == 0) {
            revert RefundTooEarly(deadline);
        }
        delete _purchases[key];
        uint256 amount = uint128(p);
        _balances[msg.sender] += amount;
        emit Refunded(dataset, msg.sender, amount);
    }

    /// @notice Declines a purchase in escrow (owner only): the payment goes
    /// back to the buyer's balance at once. An owner's market agent declines
    /// what it cannot serve (a buyer whose keys are unusable, say) instead of
    /// leaving the buyer to wait out the grant window.
    function decline(uint64 dataset, address buyer) external {
        _owned(dataset);
        uint256 key = _pair(dataset, buyer);
        uint256 p = _purchases[key];
        if (p == 0) revert NoPurchase(dataset, buyer);
        delete _purchases[key];
        uint256 amount = uint128(p);
        _balances[buyer] += amount;
        emit Refunded(dataset, buyer, amount);
    }

    /// @notice Wei the account can withdraw.
    function balanceOf(address account) external view returns (uint256) {
        return _balances[account];
    }

    /// @notice Pays the caller's whole balance out (pull payment). The balance
    /// is cleared before the transfer and the function cannot be re-entered.
    function withdraw() external {
        _withdraw();
    }

    /// @notice Settles the named bought grants (datasets[i], buyers[i]) and
    /// then pays the caller's whole balance out: an owner's one transaction
    /// to collect what its sales have vested. With nothing to pay it does
    /// not revert: vesting moves with the clock, so a call estimated in the
    /// grant's own second (nothing vested yet) pays when it is mined later.
    function withdrawVested(uint64[] calldata datasets, address[] calldata buyers) external {
        if (datasets.length != buyers.length) revert LengthMismatch();
        for (uint256 i = 0; i < datasets.length; i++) {
            uint256 d = _datasets[datasets[i]];
            if (d == 0) revert UnknownDataset(datasets[i]);
            _settle(datasets[i], buyers[i], address(uint160(d)), false);
        }
        if (_balances[msg.sender] != 0) _withdraw();
    }

    function _withdraw() private {
        if (_lock != 1) revert Reentrancy();
        _lock = 2;
        uint256 amount = _balances[msg.sender];
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        _balances[msg.sender] = 0;
        emit Withdrawn(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed(msg.sender, amount);
        _lock = 1;
    }

    // ---------------------------------------------------------------- internals

    /// Moves what has vested of the bought grant (dataset, buyer) to the
    /// owner's balance. Vesting is linear from the grant to its expiry and
    /// stops when the dataset is erased; when `end` is set (a revoke), the
    /// dataset is erased or the grant has run out, the rest goes to the
    /// buyer and the record is deleted.
    function _settle(uint64 dataset, address buyer, address owner, bool end) private {
        uint256 key = _pair(dataset, buyer);
        uint256 v = _vesting[key];
        if (v == 0) return;
        uint256 left = uint128(v);
        uint256 from = uint64(v >> 128);
        uint256 until = uint64(v >> 192);
        uint256 cutoff = block.timestamp;
        uint256 d = _datasets[dataset];
        bool erased = (d >> 192) & ERASED != 0;
        if (erased && (d >> 224) < cutoff) cutoff = d >> 224;
        uint256 vested;
        if (cutoff >= until) {
            vested = left;
        } else if (cutoff > from) {
            vested = (left * (cutoff - from)) / (until - from);
        }
        left -= vested;
        if (vested != 0) {
            _balances[owner] += vested;
            emit Released(dataset, buyer, owner, vested);
        }
        if (end || erased || cutoff >= until) {
            delete _vesting[key];
            if (left != 0) {
                _balances[buyer] += left;
                emit Refunded(dataset, buyer, left);
            }
        } else if (cutoff > from) {
            _vesting[key] = left | (cutoff << 128) | (until << 192);
        }
    }

    /// Reverts with the reason a grant was refused (the failure path of grant).
    function _grantRefused(uint64 dataset, uint256 d, address grantee, uint256 terms) private view {
        if (d == 0) revert UnknownDataset(dataset);
        if (address(uint160(d)) != msg.sender) revert NotOwner(dataset, msg.sender);
        if ((d >> 192) & ERASED != 0) revert DatasetErased(dataset);
        uint256 old = _grants[_pair(dataset, grantee)];
        if ((old >> 72) & BOUGHT != 0 && uint64(old) > block.timestamp) revert GrantIsBought(dataset, grantee);
        if (grantee == address(0)) revert InvalidGrantee();
        if (terms >> 72 != 0) revert InvalidTerms(terms);
        if (uint8(terms >> 64) == 0) revert InvalidThreshold();
        revert InvalidExpiry(uint64(terms));
    }

    /// Writes the grant slot of (dataset, grantee) and emits Granted. Same
    /// effect as `_grants[_pair(dataset, grantee)] = w; emit Granted(grantee, w,
    /// purposeHash, bundle)` with w = record | dataset << 96, and a GrantedVia
    /// per proxy.
    function _storeGrant(
        uint64 dataset,
        address grantee,
        uint256 record,
        bytes32 purposeHash,
        bytes32 bundle,
        address[] calldata proxies
    ) private {
        bytes32 topic = Granted.selector;
        bytes32 via = GrantedVia.selector;
        assembly ("memory-safe") {
            record := or(record, shl(96, dataset))
            mstore(0x00, or(shl(160, dataset), grantee))
            mstore(0x20, _grants.slot)
            sstore(keccak256(0x00, 0x40), record)
            // The log data goes to free memory, which is not allocated: it is
            // only read by log3.
            let m := mload(0x40)
            mstore(m, record)
            mstore(add(m, 0x20), purposeHash)
            mstore(add(m, 0x40), bundle)
            log3(m, 0x60, topic, grantee, dataset)
            for { let i := 0 } lt(i, proxies.length) { i := add(i, 1) } {
                log3(m, 0x60, via, and(calldataload(add(proxies.offset, shl(5, i))), ADDRESS_MASK), grantee)
            }
        }
    }

    /// Whether b starts with p and has more after it.
    function _hasPrefix(bytes calldata b, bytes memory p) private pure returns (bool) {
        if (b.length <= p.length) return false;
        for (uint256 i = 0; i < p.length; i++) {
            if (b[i] != p[i]) return false;
        }
        return true;
    }

    function _pair(uint64 dataset, address account) private pure returns (uint256) {
        return (uint256(dataset) << 160) | uint256(uint160(account));
    }

    /// Loads a dataset the caller owns, erased or not.
    function _owned(uint64 dataset) private view returns (uint256 d) {
        d = _datasets[dataset];
        if (address(uint160(d)) != msg.sender) {
            if (d == 0) revert UnknownDataset(dataset);
            revert NotOwner(dataset, msg.sender);
        }
    }

    /// Loads a dataset the caller owns and that is not erased.
    function _ownedLive(uint64 dataset) private view returns (uint256 d) {
        d = _owned(dataset);
        if ((d >> 192) & ERASED != 0) revert DatasetErased(dataset);
    }

    /// Splits a 33-byte compressed secp256k1 point into prefix and x. Whether
    /// x is on the curve is checked by clients (a square root on chain would
    /// cost more than the rest of the call).
    function _splitKey(bytes calldata key) private pure returns (bytes1 prefix, bytes32 x) {
        if (key.length != 33) revert InvalidKey();
        prefix = key[0];
        if (prefix != 0x02 && prefix != 0x03) revert InvalidKey();
        x = bytes32(key[1:33]);
    }
}

import type { Instant } from '../store/entities.js';

/** One entry of queryAssetCardList's assetCardList (dana-node AssetCardListItem). */
export interface AssetCard {
  contactBizType: string;
  cardIndexNo: string;
  cardNoLength: string;
  maskedCardNo: string;
  assetType: string;
  holderName: Record<string, unknown>;
  instId: string;
  instOfficialName: string;
  expiryYear: string;
  expiryMonth: string;
  verified: 'true' | 'false';
  bindingId?: string;
  defaultAsset?: 'true' | 'false';
  enableStatus?: 'true' | 'false';
  directDebit?: 'true' | 'false';
}

/** A DANA merchant as its own queries see it: profile, balances and asset cards (a seed fixture). */
export interface Merchant {
  merchantId: string;
  officialName: string;
  /** FROZEN: createShop and createDivision answer MERCHANT_STATUS_ERROR. */
  status: 'ACTIVE' | 'PENDING' | 'FROZEN';
  /** The merchant's login phone, `62-8...` (queryMerchantInfo with loginType MOBILE_NO). */
  phoneNumber?: string;
  sizeType?: string;
  mccCodes?: string[];
  /**
   * IDR amounts as DANA writes them ("1500000.00"): available and total (payable + settlement). The
   * deposit is not here: it is the disbursement deposit that top-ups and bank transfers draw down.
   */
  balances: { available: string; total: string };
  assetCards: AssetCard[];
  createdAt?: Instant;
}

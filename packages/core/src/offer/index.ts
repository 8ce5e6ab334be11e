// The data model (`OfferInstance`, `OfferOutcome`, `OutcomeRecord`) is re-exported by the package index.
export {
  closeOffer,
  expireOffer,
  isOfferOpen,
  presentOffer,
  withdrawOffer,
  type PresentOfferRejection,
  type PresentOfferResult,
} from './offer-lifecycle';
export { renderTemplate, templatePlaceholder, templateValueText } from './render-template';

/** The public face of the offers module: other modules and the app import only what is listed here (decision 050). */
export { createOffer, decideOffer, getOffer, listOffers } from './offers.service.ts';

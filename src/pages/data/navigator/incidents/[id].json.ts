import { navigatorLayerRoute } from '../../../../data/navigator-routes.ts';

export const { getStaticPaths, GET } = navigatorLayerRoute('incident');

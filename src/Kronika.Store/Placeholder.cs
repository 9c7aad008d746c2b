namespace Kronika.Store;

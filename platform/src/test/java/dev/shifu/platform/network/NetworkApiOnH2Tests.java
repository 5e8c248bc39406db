package dev.shifu.platform.network;

class NetworkApiOnH2Tests extends NetworkApiContract {

}
